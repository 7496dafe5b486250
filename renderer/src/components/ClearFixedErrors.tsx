import { Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { fixedFields } from './errors';

/**
 * The backend's field errors are put on a form by hand (its fields have no rules), so nothing
 * would take them off: around a form, an edit that changes a refused field's value clears its
 * error at once.
 */
export function ClearFixedErrors({ form, children }: { form: FormInstance; children: ReactNode }) {
  return (
    <Form.Provider
      onFormChange={(_, { changedFields }) => {
        const fixed = fixedFields(form, changedFields);
        if (fixed.length) form.setFields(fixed.map((f) => ({ name: f.name, errors: [] })));
      }}
    >
      {children}
    </Form.Provider>
  );
}
