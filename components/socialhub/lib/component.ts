import { describeComponent } from '@oih-suite/kit';
import adjustPoints from './actions/adjustPoints';
import batchSyncProduct from './actions/batchSyncProduct';
import bindConsumerThirdAccount from './actions/bindConsumerThirdAccount';
import createConsumer from './actions/createConsumer';
import getLoyaltyPrograms from './actions/getLoyaltyPrograms';
import getMember from './actions/getMember';
import getMemberList from './actions/getMemberList';
import getPointsAccount from './actions/getPointsAccount';
import getPointsRecords from './actions/getPointsRecords';
import getTransactionDetail from './actions/getTransactionDetail';
import getTransactionList from './actions/getTransactionList';
import importConsumerEventData from './actions/importConsumerEventData';
import memberAdmission from './actions/memberAdmission';
import queryConsumer from './actions/queryConsumer';
import queryThirdAccountsByUnionId from './actions/queryThirdAccountsByUnionId';
import saveStore from './actions/saveStore';
import syncTransaction from './actions/syncTransaction';
import updateConsumer from './actions/updateConsumer';
import upsertConsumer from './actions/upsertConsumer';
import upsertProducts from './actions/upsertProducts';
import upsertStore from './actions/upsertStore';
import { socialhub } from './provider';
import getPointsRecordsPolling from './triggers/getPointsRecordsPolling';
import getTransactionsPolling from './triggers/getTransactionsPolling';

/** The whole component: component.json and the operations' schemas are generated from it (`npm run generate`). */
export default describeComponent(socialhub, {
  triggers: [getPointsRecordsPolling, getTransactionsPolling],
  // In the order of the operation table (Member, Customer, Order, Points, Master Data), then the upserts.
  actions: [
    getLoyaltyPrograms,
    getMemberList,
    getMember,
    memberAdmission,
    createConsumer,
    importConsumerEventData,
    queryConsumer,
    updateConsumer,
    bindConsumerThirdAccount,
    queryThirdAccountsByUnionId,
    getTransactionList,
    getTransactionDetail,
    syncTransaction,
    getPointsAccount,
    getPointsRecords,
    adjustPoints,
    batchSyncProduct,
    saveStore,
    upsertConsumer,
    upsertStore,
    upsertProducts,
  ],
});
