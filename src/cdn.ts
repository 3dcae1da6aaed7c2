/** The self-contained script-tag bundle: Lit included, every element registered. */
export * from './define.js';
