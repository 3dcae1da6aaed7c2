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
  article {
    display: grid;
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
  .title a {
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
  .toggle {
    justify-self: start;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-size: 0.875rem;
    cursor: pointer;
  }
  .toggle:hover {
    text-decoration: underline;
  }
  .toggle[hidden] {
    display: none;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .links a {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: inherit;
    font-size: 0.8125rem;
    text-decoration: none;
    white-space: nowrap;
  }
  .links a:hover {
    border-color: currentColor;
  }
  .stars {
    color: var(--_muted);
  }
`;
