// Types <paper-feed>, <paper-search> and <paper-card> in React's JSX: their attributes, object
// properties (papers, paper, strings) and `onpaper-*` event handlers with typed `event.detail`.
// Copy this file into your app as is.
import type { CustomElements } from 'paper-feed-elements/jsx';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
