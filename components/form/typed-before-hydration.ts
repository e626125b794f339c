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
