import { css } from 'lit';

export const paperFeedStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  .list {
    display: grid;
    gap: var(--paper-gap, 0.75rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list > li {
    min-width: 0;
  }
  .state {
    padding: calc(var(--_space) * 1.25) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }
  .error {
    border: 1px solid color-mix(in srgb, var(--_danger) 45%, transparent);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: color-mix(in srgb, var(--_danger) 7%, transparent);
    text-align: start;
  }
  .error strong {
    display: block;
    color: var(--_danger);
    margin-bottom: 0.25rem;
  }
  .error p {
    margin: 0 0 0.75rem;
    overflow-wrap: anywhere;
    color: var(--_text);
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    padding: 0.25rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_subtle);
    color: inherit;
    cursor: pointer;
  }
  button:hover {
    border-color: currentColor;
  }
  .skeleton {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .bar {
    height: 0.8rem;
    border-radius: 0.4rem;
    background: var(--_subtle);
    animation: pulse 1.4s ease-in-out infinite;
  }
  .bar.title {
    height: 1.1rem;
    width: 70%;
  }
  .bar.short {
    width: 40%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bar {
      animation: none;
    }
  }
  .notice {
    margin: 0 0 0.75rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .notice summary {
    cursor: pointer;
  }
  .notice ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
`;
