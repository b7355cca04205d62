export { RepeatedPageGuard } from './guard';
export { Page, paginateLinks, paginateOffset, paginatePages } from './paginate';
