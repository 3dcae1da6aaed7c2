/**
 * Registers a custom element unless the tag is taken. A tag already defined (our script loaded
 * twice, or another library using the same name) is skipped with a console warning instead of
 * throwing, so a page never breaks because of a second copy.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== ctor) {
      console.warn(
        `paper-feed-elements: <${tag}> is already defined on this page (by another copy of this library or another library), so this definition was skipped. To use both, register our class under another name: customElements.define('my-${tag}', ${ctor.name || 'Element'}).`,
      );
    }
    return;
  }
  customElements.define(tag, ctor);
}
