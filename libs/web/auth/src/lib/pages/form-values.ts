/**
 * The named fields of a submitted form, as trimmed strings (passwords untouched). Plain forms
 * (the browser's own validation: required, minlength, type=email) rather than @angular/forms:
 * the forms package would pull Angular features into the first page of every visitor.
 */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string') values[key] = key.toLowerCase().includes('password') ? value : value.trim();
  });
  return values;
}
