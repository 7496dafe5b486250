import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { isEditOf } from './errors';

/**
 * The backend's field errors are put on a form by hand (its fields have no rules), so nothing
 * would take them off: around a form, an edit of a field with an error clears that error at once.
 */
export function ClearFixedErrors({ form, children }: { form: FormInstance; children: ReactNode }) {
  return (
    <Form.Provider
      onFormChange={(_, { changedFields }) => {
        const edited = changedFields.filter(isEditOf);
        if (edited.length) form.setFields(edited.map((f) => ({ name: f.name, errors: [] })));
      }}
    >
      {children}
    </Form.Provider>
  );
}
