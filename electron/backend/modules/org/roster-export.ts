import { format } from 'date-fns';
import type { Staff } from '../../../../shared/contract';
import { toCsv } from '../../files/csv';
import {
  addTableSheet,
  createWorkbook,
  csvCells,
  csvHeaders,
  workbookBuffer,
  type Column,
} from '../../files/xlsx';
import type { Language } from '../../../../shared/domain/language';
import { rosterWords } from './roster-words';

type Example = Pick<
  Staff,
  'employeeNo' | 'name' | 'teamName' | 'position' | 'seat' | 'extension' | 'phone' | 'hireDate'
>;

/** The roster's columns in the screen's words; the export adds the status. */
function rosterColumns(language: Language, withStatus: boolean): Column<Staff>[] {
  const w = rosterWords(language);
  const columns: Column<Staff>[] = [
    { header: w.headers.employeeNo, value: (s) => s.employeeNo, width: 12 },
    { header: w.headers.name, value: (s) => s.name, width: 12 },
    { header: w.headers.teamId, value: (s) => s.teamName, width: 14 },
    { header: w.headers.position, value: (s) => w.position(s.position), width: 12 },
    { header: w.headers.seat, value: (s) => s.seat },
    { header: w.headers.extension, value: (s) => s.extension },
    { header: w.headers.phone, value: (s) => s.phone, width: 14 },
    { header: w.headers.hireDate, value: (s) => s.hireDate, width: 12 },
  ];
  if (withStatus) columns.push({ header: w.headers.status, value: (s) => w.status(s.status) });
  return columns;
}

/**
 * 花名册模板: the import's headers, in the user's language, and one example row to overwrite.
 * Its words are the ones the import reads, so the template imports as it is.
 */
export async function rosterTemplate(language: Language, teamName: string | null) {
  const w = rosterWords(language);
  const example: Example = {
    employeeNo: 'KF1001',
    name: language === 'zh-CN' ? '王芳' : 'Wang Fang',
    teamName,
    position: 'agent',
    seat: 'A-01',
    extension: '8001',
    phone: '13800000000',
    hireDate: '2026-01-05',
  };
  const workbook = createWorkbook({ title: w.sheet });
  addTableSheet(workbook, w.sheet, rosterColumns(language, false), [example as Staff]);
  return {
    fileName: `${w.sheet}-${language === 'zh-CN' ? '模板' : 'template'}.xlsx`,
    contentBase64: (await workbookBuffer(workbook)).toString('base64'),
  };
}

/** 导出花名册: everyone the roster page lists, in its order, as XLSX or CSV. */
export async function rosterExport(
  staff: Staff[],
  language: Language,
  fileFormat: 'xlsx' | 'csv',
  now: string,
) {
  const w = rosterWords(language);
  const columns = rosterColumns(language, true);
  const fileName = `${w.sheet}-${format(new Date(now), 'yyyyMMdd')}.${fileFormat}`;
  if (fileFormat === 'csv') {
    const csv = toCsv(
      csvHeaders(columns),
      staff.map((s) => csvCells(columns, s)),
    );
    return { fileName, contentBase64: csv.toString('base64') };
  }
  const workbook = createWorkbook({ title: w.sheet });
  addTableSheet(workbook, w.sheet, columns, staff);
  return { fileName, contentBase64: (await workbookBuffer(workbook)).toString('base64') };
}
