import { describedBy, Field, inputClass } from "@/components/form/field";

export interface TextFieldSpec<N extends string> {
  name: N;
  id: string;
  label: string;
  hint: string;
  /** 0: one line (`<input>`); more: a `<textarea>` of that many rows. */
  rows: number;
}

/** The settings' text fields, each with its label, hint and error, written once for every settings form. */
export function TextFields<N extends string>({
  specs,
  error,
  field,
}: {
  specs: readonly TextFieldSpec<N>[];
  error: (name: N) => string | undefined;
  field: (name: N) => object;
}) {
  return specs.map((t) => {
    const message = error(t.name);
    const props = { id: t.id, className: inputClass, ...describedBy(t.id, true, message), ...field(t.name) };
    return (
      <Field key={t.name} id={t.id} label={t.label} hint={t.hint} error={message}>
        {t.rows > 0 ? <textarea rows={t.rows} {...props} /> : <input type="text" {...props} />}
      </Field>
    );
  });
}
