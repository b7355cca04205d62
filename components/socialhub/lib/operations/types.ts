/** The shape of the declarative operation table: the kit's (`Operation`), with SocialHub's groups. */
import type { Operation, OperationField, OperationFieldType, OperationResultKind } from '@oih-suite/kit';

export type FieldType = OperationFieldType;
export type FieldSpec = OperationField;
export type OperationGroup = 'Member' | 'Customer' | 'Order' | 'Points' | 'Master Data';
export type ResultKind = OperationResultKind;
export type OperationSpec = Operation<OperationGroup>;
