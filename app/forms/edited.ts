/**
 * Whether a field of the form holds something other than what the page gave it. The form's code
 * arrives just after the page (./deferred.tsx): what is typed before it arrives raised no event
 * the form library saw, so its own "dirty" misses it; the fields themselves do not.
 */
export function edited(formId: string) {
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return false;
  return Array.from(form.elements).some((field) => {
    if (field instanceof HTMLSelectElement) {
      const options = Array.from(field.options);
      // A select none of whose options the page marked shows its first: that is what it was given.
      const marked = options.some((option) => option.defaultSelected);
      return options.some(
        (option, index) => option.selected !== (marked ? option.defaultSelected : index === 0 && !field.multiple),
      );
    }
    if (field instanceof HTMLTextAreaElement) return field.value !== field.defaultValue;
    if (!(field instanceof HTMLInputElement) || field.type === "hidden" || field.type === "file") return false;
    if (field.type === "checkbox" || field.type === "radio") return field.checked !== field.defaultChecked;
    return field.value !== field.defaultValue;
  });
}
