import { css } from 'lit';

export const paperSubscribeStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: grid;
    gap: 0.5rem;
    padding: var(--paper-subscribe-padding, var(--_space));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--paper-subscribe-background, var(--_surface));
  }
  .heading {
    font-family: var(--_title-font);
    font-size: var(--paper-subscribe-heading-size, 1rem);
    font-weight: 700;
    line-height: 1.3;
  }
  .description {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  form {
    display: grid;
    gap: 0.25rem;
    margin: 0.25rem 0 0;
  }
  label {
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  input {
    flex: 1 1 12rem;
    min-width: 0;
    box-sizing: border-box;
    padding: 0.4375rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--paper-subscribe-input-radius, 999px);
    background: var(--_subtle);
    color: inherit;
    font: inherit;
    font-size: 0.9375rem;
  }
  input::placeholder {
    color: var(--_muted);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  input:focus-visible {
    outline: var(--_focus);
    outline-offset: 1px;
  }
  button {
    flex: 0 0 auto;
    padding: 0.4375rem 1rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--paper-subscribe-button-background, var(--_subtle));
    color: var(--paper-subscribe-button-color, inherit);
    font: inherit;
    font-size: 0.9375rem;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover {
    border-color: currentColor;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .status {
    margin: 0;
    font-size: 0.875rem;
  }
  /* Kept in the layout while empty (a live region must exist before its text changes), without the gap. */
  .status:empty {
    margin-top: -0.5rem;
  }
  .status.error {
    color: var(--_danger);
  }
  .status.success {
    font-weight: 600;
  }
  .status:focus {
    outline: none;
  }
  .feeds {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8125rem;
  }
  .feeds a {
    display: inline-flex;
    align-items: center;
    gap: 0.3125rem;
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: inherit;
    text-decoration: none;
  }
  .feeds a:hover {
    border-color: currentColor;
  }
  .icon {
    width: 0.875rem;
    height: 0.875rem;
    flex: none;
    color: var(--paper-subscribe-icon-color, #f26522);
  }
`;
