import { css } from 'lit';

/**
 * Design tokens shared by every element. Colors derive from the host page's text color by
 * default, so the elements fit light and dark themes without configuration; every value can be
 * overridden with a `--paper-*` custom property.
 */
export const themeStyles = css`
  :host {
    --_text: var(--paper-color-text, inherit);
    --_muted: var(--paper-color-muted, color-mix(in srgb, currentColor 62%, transparent));
    --_border: var(--paper-color-border, color-mix(in srgb, currentColor 14%, transparent));
    --_surface: var(--paper-color-surface, transparent);
    --_subtle: var(--paper-color-subtle, color-mix(in srgb, currentColor 5%, transparent));
    /* Blue mixed with the text color: dark blue on light pages, light blue on dark ones. */
    --_accent: var(--paper-color-accent, color-mix(in srgb, #2563eb 62%, currentColor));
    --_highlight: var(--paper-color-highlight, color-mix(in srgb, #facc15 40%, transparent));
    --_danger: var(--paper-color-danger, color-mix(in srgb, #d92d20 75%, currentColor));
    --_radius: var(--paper-radius, 0.75rem);
    --_space: var(--paper-space, 1rem);
    --_font: var(--paper-font-family, inherit);
    --_title-font: var(--paper-title-font-family, var(--_font));
    --_focus: var(--paper-focus-ring, 2px solid var(--_accent));
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --paper-color-text: #e6edf3;
    --paper-color-surface: #161b22;
  }
  :host([theme='light']) {
    color-scheme: light;
    --paper-color-text: #1f2328;
    --paper-color-surface: #ffffff;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
`;
