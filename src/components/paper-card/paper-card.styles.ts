import { css } from 'lit';

export const paperCardStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  /* A flex column, not a grid: a grid sizes its track from every item's min- and max-content
     widths, which measures each abstract's whole text once more on every layout. */
  article {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    padding: var(--paper-card-padding, var(--_space));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }
  .title {
    margin: 0;
    font-family: var(--_title-font);
    font-size: var(--paper-title-size, 1.125rem);
    font-weight: var(--paper-title-weight, 700);
    line-height: 1.3;
    overflow-wrap: anywhere;
    text-wrap: pretty;
  }
  .title a,
  .org a {
    color: inherit;
    text-decoration: none;
  }
  .title a:hover {
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5rem;
    color: var(--_muted);
    font-size: var(--paper-meta-size, 0.875rem);
    min-width: 0;
  }
  .meta > :not(:last-child)::after {
    content: '·';
    margin-inline-start: 0.5rem;
  }
  .icon {
    width: 0.85em;
    height: 0.85em;
    vertical-align: -0.05em;
  }
  .authors {
    overflow-wrap: anywhere;
  }
  .org {
    font-weight: 600;
  }
  .upvotes {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .abstract {
    margin: 0;
    color: var(--paper-abstract-color, inherit);
    font-size: var(--paper-abstract-size, 0.9375rem);
    overflow-wrap: anywhere;
  }
  .abstract p {
    margin: 0;
  }
  .abstract p + p {
    margin-top: 0.5em;
  }
  .abstract.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--paper-abstract-lines, 3);
    overflow: hidden;
  }
  .abstract.clamped p + p {
    margin-top: 0;
  }
  .toggle,
  .more,
  .cite {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }
  .toggle {
    align-self: flex-start;
    font-size: 0.875rem;
  }
  .toggle:hover,
  .more:hover,
  .cite:hover,
  .org a:hover {
    text-decoration: underline;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .links a,
  .links .cite {
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8125rem;
  }
  .links a {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    color: inherit;
    text-decoration: none;
    white-space: nowrap;
  }
  .links a:hover {
    border-color: currentColor;
  }
  .stars {
    color: var(--_muted);
  }
  [part~='author-highlighted'] {
    color: var(--_accent);
    font-weight: 650;
  }
  .more {
    margin-inline-start: 0.35em;
  }
  sup {
    font-size: 0.8em;
    line-height: 0;
    margin-inline-start: 0.05em;
  }
  .cite-status {
    margin-inline-start: 0.375rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .bibtex {
    box-sizing: border-box;
    width: 100%;
    font: 0.8125rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    color: inherit;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .badge {
    padding: 0 0.5rem;
    border-radius: 0.375rem;
    background: var(--_subtle);
    border: 1px solid var(--_border);
    font-size: 0.75rem;
    font-weight: 600;
    line-height: 1.6;
  }
  .award {
    border-color: color-mix(in srgb, #d97706 50%, transparent);
  }
  .summary {
    margin: 0;
    font-size: var(--paper-abstract-size, 0.9375rem);
  }
  .summary strong {
    font-size: 0.75rem;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
    margin-inline-end: 0.25rem;
  }
  .keywords {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .keywords li {
    padding: 0 0.4rem;
    border-radius: 0.25rem;
    background: var(--_subtle);
  }
  .thumbnail {
    display: block;
    width: 100%;
    aspect-ratio: 1200 / 648;
    object-fit: cover;
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_subtle);
  }
  mark {
    background: var(--_highlight);
    color: inherit;
    border-radius: 0.15em;
  }
  :host([variant='compact']) article {
    gap: 0.125rem;
    padding: calc(var(--_space) * 0.6) var(--_space);
  }
  :host([variant='compact']) .title {
    font-size: var(--paper-title-size, 1rem);
  }
`;
