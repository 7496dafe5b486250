import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, ColorPicker, Form, Input, InputNumber, Switch, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftType } from '../../../../shared/contract';
import { shiftLengthMinutes } from '../../../../shared/domain/time';
import { useQuery, write } from '../../api/queries';
import { FormModal, useEditor } from '../../components/FormModal';
import { EmptyState, LoadError } from '../../components/PageState';
import { ShiftHoursText } from '../../components/ShiftHours';
import { useSession } from '../../stores/session';

type ShiftValues = Omit<ShiftType, 'id' | 'color'> & { color: string | { toHexString(): string } };

function ShiftTypeModal({
  shift,
  onClose,
  onSaved,
}: {
  shift?: ShiftType | 'new';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('org');
  const [form] = Form.useForm<ShiftValues>();
  const existing = shift && shift !== 'new' ? shift : undefined;

  useEffect(() => {
    if (!shift) return;
    form.resetFields();
    form.setFieldsValue(
      existing ?? {
        breakMinutes: 60,
        lateGraceMinutes: 5,
        earlyLeaveGraceMinutes: 5,
        color: '#13c2c2',
        active: true,
      },
    );
  }, [shift, existing, form]);

  const submit = () => {
    const values = form.getFieldsValue(true) as ShiftValues;
    const input = {
      ...values,
      code: values.code ?? '',
      name: values.name ?? '',
      startTime: values.startTime ?? '',
      endTime: values.endTime ?? '',
      color: typeof values.color === 'string' ? values.color : values.color.toHexString(),
    };
    return existing
      ? write('org.shiftTypes.update', { ...input, id: existing.id })
      : write('org.shiftTypes.create', input);
  };

  return (
    <FormModal
      open={!!shift}
      title={
        existing ? t('shiftTypes.editTitle', { name: existing.name }) : t('shiftTypes.createTitle')
      }
      form={form}
      entity="shiftType"
      submit={submit}
      onSaved={onSaved}
      onClose={onClose}
      width={560}
    >
      <Form form={form} layout="vertical">
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
          <Form.Item name="name" label={t('fields.shiftType.name')} required>
            <Input autoFocus maxLength={20} />
          </Form.Item>
          <Form.Item name="code" label={t('fields.code')} required>
            <Input maxLength={10} placeholder="N" />
          </Form.Item>
          <Form.Item name="startTime" label={t('fields.startTime')} required>
            <Input placeholder="22:00" maxLength={5} />
          </Form.Item>
          <Form.Item
            name="endTime"
            label={t('fields.endTime')}
            required
            extra={t('shiftHours.crossesMidnight')}
          >
            <Input placeholder="08:00" maxLength={5} />
          </Form.Item>
          <Form.Item name="breakMinutes" label={t('fields.breakMinutes')}>
            <InputNumber min={0} max={240} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lateGraceMinutes" label={t('fields.lateGraceMinutes')}>
            <InputNumber min={0} max={120} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="earlyLeaveGraceMinutes" label={t('fields.earlyLeaveGraceMinutes')}>
            <InputNumber min={0} max={120} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="color" label={t('fields.color')}>
            <ColorPicker showText disabledAlpha />
          </Form.Item>
        </div>
        <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function ShiftTypesPage() {
  const { t } = useTranslation('org');
  const shifts = useQuery('org.shiftTypes.list', {});
  const editor = useEditor<ShiftType>();
  const canEdit = useSession((s) => s.can('org.shiftTypes.update'));

  if (shifts.error) return <LoadError error={shifts.error} onRetry={shifts.reload} />;
  return (
    <Card
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.edit('new')}>
            {t('shiftTypes.add')}
          </Button>
        )
      }
    >
      <Table<ShiftType>
        rowKey="id"
        loading={shifts.loading}
        dataSource={shifts.data ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <EmptyState title={t('shiftTypes.emptyTitle')} body={t('shiftTypes.emptyBody')} />
          ),
        }}
        columns={[
          {
            title: t('fields.shiftType.name'),
            dataIndex: 'name',
            width: 140,
            render: (name: string, row) => (
              <>
                <Tag color={row.color}>{name}</Tag>
                {!row.active && <Tag>{t('shiftTypes.inactive')}</Tag>}
              </>
            ),
          },
          { title: t('fields.code'), dataIndex: 'code', width: 80 },
          {
            title: t('shiftTypes.hours'),
            width: 200,
            render: (_, row) => <ShiftHoursText shift={row} />,
          },
          {
            title: t('shiftTypes.length'),
            width: 100,
            render: (_, row) =>
              t('shiftTypes.lengthValue', {
                hours: Math.round((shiftLengthMinutes(row) / 60) * 10) / 10,
              }),
          },
          { title: t('fields.breakMinutes'), dataIndex: 'breakMinutes', width: 140 },
          { title: t('fields.lateGraceMinutes'), dataIndex: 'lateGraceMinutes', width: 140 },
          {
            title: t('fields.earlyLeaveGraceMinutes'),
            dataIndex: 'earlyLeaveGraceMinutes',
            width: 160,
          },
          {
            title: t('common.actions'),
            width: 90,
            render: (_, row) =>
              canEdit && (
                <Button type="link" onClick={() => editor.edit(row)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <ShiftTypeModal
        shift={editor.editing}
        onClose={editor.close}
        onSaved={() => editor.saved()}
      />
    </Card>
  );
}
