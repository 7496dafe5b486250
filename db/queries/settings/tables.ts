export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface SettingsTables {
  settings: SettingsTable;
}
