// Types <paper-feed>, <paper-search> and <paper-card> in Vue templates (vue-tsc, Vue language
// tools): attributes, properties and @paper-* events with typed `event.detail`.
/// <reference types="paper-feed-elements/vue" />
