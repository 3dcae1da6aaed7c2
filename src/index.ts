/**
 * The package's main entry: element classes, types and the pure data functions.
 * Importing it registers nothing; import `paper-feed-elements/define` for that.
 */
export { PaperCard } from './components/paper-card/paper-card.js';
export { PaperFeed } from './components/paper-feed/paper-feed.js';
export { PaperSearch } from './components/paper-search/paper-search.js';
export { PaperSubscribe, type SubscribeState } from './components/paper-subscribe/paper-subscribe.js';
export { defineElement } from './components/shared/define.js';
export {
  buildFeed,
  toRss,
  toAtom,
  toJsonFeed,
  jsonFeedObject,
  selectFeedPapers,
  toFeedItem,
  FEED_FORMATS,
  FEED_MEDIA_TYPES,
  type FeedFormat,
  type FeedOptions,
  type FeedItem,
} from './data/syndication.js';
export { FeedLoadError, fetchCorpus } from './components/paper-feed/fetch.js';
export type * from './components/shared/events.js';
export * from './data/index.js';
