// Registers <paper-card>, <paper-feed> and <paper-search> (vite.config.ts tells Vue's template
// compiler they are custom elements).
import 'paper-feed-elements/define';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
