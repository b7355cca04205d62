export { RepeatedPageGuard } from './guard';
export { KeysetRequest, paginateKeyset } from './keyset';
export { Page, paginateLinks, paginateOffset, paginatePages } from './paginate';
export { fetchAhead } from './readAhead';
