import { Alert, Button, Empty, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract';
import { useErrorText } from './errors';

/** A failed load: what went wrong, in the user's language, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/** An empty list says what it is and what to do next. */
export function EmptyState({
  title,
  body,
  action,
}: {
  title: string;
  body: string;
  action?: React.ReactNode;
}) {
  return (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <div style={{ fontSize: 16, fontWeight: 500, marginBottom: 6, color: 'rgba(0,0,0,.88)' }}>
            {title}
          </div>
          <div>{body}</div>
        </div>
      }
    >
      {action}
    </Empty>
  );
}

/** While a page's code arrives (the first time it opens, before the console has fetched it). */
export function PageLoading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}
