/**
 * A button-like label that picks a JSON file. The input is emptied at once, so picking the
 * same file again (after fixing it) is a change too.
 */
export interface FileImportProps {
  readonly label: string;
  onFile(file: File): void;
}

export function FileImport({ label, onFile }: FileImportProps) {
  return (
    <label class="file">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
