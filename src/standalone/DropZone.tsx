import { Button, Text } from "@fluentui/react-components";
import { type DragEvent, useState } from "react";
import type { Lang } from "../core/i18n";
import { FilePicker } from "./FilePicker";
import { usePageStyles } from "./page-styles";
import { s } from "./strings";

/**
 * Where units' workbooks come in: picked as files or as a whole folder, or dropped on the box (which
 * lights up while something is dragged over it); "clear" empties the batch.
 */
export function DropZone({
  lang,
  disabled,
  canClear,
  onFiles,
}: {
  lang: Lang;
  disabled: boolean;
  canClear: boolean;
  onFiles: (files: File[]) => void;
}) {
  const styles = usePageStyles();
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    onFiles([...e.dataTransfer.files]);
  };

  return (
    <section
      className={`${styles.drop} ${dragging ? styles.dragging : ""}`}
      aria-label={s(lang, "dropZone")}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className={styles.row}>
        <FilePicker
          label={s(lang, "pickFiles")}
          primary
          multiple
          accept=".xlsx,.xlsm"
          kind="files"
          onFiles={onFiles}
          disabled={disabled}
        />
        <FilePicker
          label={s(lang, "pickFolder")}
          multiple
          kind="folder"
          onFiles={onFiles}
          disabled={disabled}
        />
        {canClear && (
          <Button appearance="subtle" onClick={() => onFiles([])}>
            {s(lang, "clear")}
          </Button>
        )}
      </div>
      <Text>{s(lang, "dropHere")}</Text>
    </section>
  );
}
