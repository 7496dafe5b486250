import type { FormInstance } from 'antd';

/**
 * Takes the backend's field errors off a form once a later save succeeds. These forms have no
 * client-side rules, so nothing else would clear a message that is no longer true.
 */
export function clearFieldErrors(form: FormInstance) {
  form.setFields(
    form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => ({ name: field.name, errors: [] })),
  );
}
