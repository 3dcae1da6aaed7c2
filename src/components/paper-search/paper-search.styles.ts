import { css } from 'lit';

export const paperSearchStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .field {
    position: relative;
    display: flex;
    align-items: center;
  }
  .icon {
    position: absolute;
    inset-inline-start: 0.75rem;
    width: 1rem;
    height: 1rem;
    color: var(--_muted);
    pointer-events: none;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    padding: 0.5rem 0.875rem 0.5rem 2.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--paper-search-radius, 999px);
    background: var(--paper-search-background, var(--_subtle));
    color: inherit;
    font: inherit;
    font-size: 1rem;
  }
  input::placeholder {
    color: var(--_muted);
  }
  input:focus-visible {
    outline: var(--_focus);
    outline-offset: 1px;
    border-color: transparent;
  }
  .status {
    min-height: 1.25em;
    margin-top: 0.25rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
`;
