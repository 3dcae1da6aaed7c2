// Registers <paper-card>, <paper-feed> and <paper-search> before React renders, so React 19 sees
// their properties (`papers`) and sets them as properties rather than attributes.
import 'paper-feed-elements/define';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
