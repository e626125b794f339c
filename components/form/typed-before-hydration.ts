/*
 * What a person typed, ticked or chose in a form before React hydrated it (a slow phone: the page
 * is shown, the JavaScript is still coming). When react-hook-form registers a field, it writes its
 * default value into it: without this, a choice made before hydration silently disappears (seen
 * in CI: a radio ticked before hydration was empty when the form was sent).
 *
 * Read from the server-rendered form once, during hydration: only the fields whose current state
 * differs from what the server wrote (`defaultValue`, `defaultChecked`, `defaultSelected`), as
 * react-hook-form reads them (a lone box without `value` is a boolean; boxes sharing a name are
 * the array of the ticked values).
 */
export function typedBeforeHydration(form: HTMLFormElement): [name: string, value: unknown][] {
  const changed: [string, unknown][] = [];
  const boxes = new Map<string, HTMLInputElement[]>();
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLTextAreaElement) {
      if (element.name && element.value !== element.defaultValue) changed.push([element.name, element.value]);
    } else if (element instanceof HTMLSelectElement) {
      if (!element.name || Array.from(element.options).every((o) => o.selected === o.defaultSelected)) continue;
      changed.push([element.name, element.multiple ? Array.from(element.selectedOptions, (o) => o.value) : element.value]);
    } else if (element instanceof HTMLInputElement && element.name) {
      if (["hidden", "submit", "button", "reset", "image", "file"].includes(element.type)) continue;
      if (element.type === "checkbox") boxes.set(element.name, [...(boxes.get(element.name) ?? []), element]);
      else if (element.type === "radio") {
        if (element.checked && !element.defaultChecked) changed.push([element.name, element.value]);
      } else if (element.value !== element.defaultValue) changed.push([element.name, element.value]);
    }
  }
  for (const [name, group] of boxes) {
    if (group.every((box) => box.checked === box.defaultChecked)) continue;
    const [only] = group;
    if (group.length === 1 && only) changed.push([name, only.checked ? (only.getAttribute("value") ? only.value : true) : false]);
    else changed.push([name, group.filter((box) => box.checked).map((box) => box.value)]);
  }
  return changed;
}

/*
 * What is typed *while* React hydrates the form is at risk too: React renders the hook (which reads
 * the form above), then hydrates each field — writing the server's text back into a textarea — and
 * react-hook-form writes its defaults into the fields at commit. From the hook's render to that
 * commit, the form's `input` and `change` events record what it holds; the hook puts the last
 * record back once the fields are registered. They are heard on the window, first: React stops
 * the propagation of an event whose target it has not hydrated yet, at the document.
 */
interface Watch {
  latest: [name: string, value: unknown][] | null;
  stop: () => void;
}

const watches = new WeakMap<HTMLFormElement, Watch>();

/** Starts recording what is typed into a server-rendered form (once per form, however often React renders). */
export function watchTypingWhileHydrating(form: HTMLFormElement): void {
  if (watches.has(form)) return;
  const record = (event: Event) => {
    // A form React dropped before committing it (its hydration thrown away) is never collected by
    // the hook: its watch ends at the first event after it has left the page.
    if (!form.isConnected) {
      watch.stop();
      watches.delete(form);
    } else if (event.target instanceof Node && form.contains(event.target)) watch.latest = typedBeforeHydration(form);
  };
  const watch: Watch = {
    latest: null,
    stop: () => {
      window.removeEventListener("input", record, true);
      window.removeEventListener("change", record, true);
    },
  };
  window.addEventListener("input", record, true);
  window.addEventListener("change", record, true);
  watches.set(form, watch);
}

/** Stops recording; what the form held at its last change, or null if nothing was typed meanwhile. */
export function typedWhileHydrating(form: HTMLFormElement): [name: string, value: unknown][] | null {
  const watch = watches.get(form);
  if (!watch) return null;
  watch.stop();
  watches.delete(form);
  return watch.latest;
}
