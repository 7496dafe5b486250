import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from '../../../shared/contract';
import { useErrorText } from './errors';

/**
 * The problem rows of an import: the row as Excel numbers it, the column, how to fix it. The
 * backend sends the first few hundred and the count of all; the rest are named as "and N more",
 * so a file with a million bad rows answers quickly and still says how bad it is.
 */
export function ImportIssues({
  issues,
  total,
  pageSize,
  testId,
}: {
  issues: RowIssue[];
  /** How many problems the file has in all (issues holds the first of them). */
  total: number;
  pageSize: number;
  testId?: string;
}) {
  const { t } = useTranslation('org');
  const { issueText, fieldLabel } = useErrorText();
  const more = total - issues.length;
  return (
    <>
      <Table
        data-testid={testId}
        style={{ marginTop: 8 }}
        size="small"
        rowKey={(r) => `${r.row}-${r.field}-${r.key}-${JSON.stringify(r.params ?? null)}`}
        dataSource={issues}
        pagination={issues.length > pageSize ? { pageSize, size: 'small' } : false}
        columns={[
          { title: t('import.row'), dataIndex: 'row', width: 70 },
          { title: t('import.field'), width: 120, render: (_, r) => fieldLabel(r.field) },
          { title: t('import.problem'), render: (_, r) => issueText(r) },
        ]}
      />
      {more > 0 && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '8px 0 0' }}
          data-testid="import-issues-more"
        >
          {t('import.moreIssues', { count: more, shown: issues.length })}
        </Typography.Paragraph>
      )}
    </>
  );
}
