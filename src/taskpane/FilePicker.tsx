import { Button, Text, makeStyles } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { type Lang, t } from "../core/i18n";
import { sharedStyles } from "./styles";

const useStyles = makeStyles({
  ...sharedStyles,
  row: { ...sharedStyles.row, flexWrap: "wrap" },
  // The native input stays in the page (keyboard, tests, drag and drop) but its English "Choose File"
  // button is replaced by ours in the pane's language.
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

/** A file picker worded in the pane's language; the native input keeps the label for assistive tech. */
export function FilePicker({
  label,
  lang,
  accept,
  multiple = false,
  directory = false,
  hint,
  onFiles,
}: {
  label: string;
  lang: Lang;
  accept?: string;
  multiple?: boolean;
  /** The browser's folder picker: every file of the chosen folder. */
  directory?: boolean;
  /** Said after the chosen files' names (e.g. "read here, never uploaded"). */
  hint?: string;
  onFiles: (files: File[]) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className={styles.stack}>
      <label htmlFor={id}>{label}</label>
      <div className={styles.row}>
        <input
          ref={input}
          id={id}
          className={styles.input}
          type="file"
          tabIndex={-1}
          multiple={multiple || directory}
          accept={accept}
          {...(directory ? ({ webkitdirectory: "" } as Record<string, string>) : {})}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            setNames(files.map((f) => f.name));
            onFiles(files);
          }}
        />
        <Button size="small" onClick={() => input.current?.click()} aria-describedby={`${id}-chosen`}>
          {t(lang, directory ? "chooseFolderButton" : multiple ? "chooseFilesButton" : "chooseFileButton")}
        </Button>
        <Text id={`${id}-chosen`} size={200} className={styles.muted}>
          {names.length === 0
            ? t(lang, "noFileChosen")
            : names.length === 1
              ? names[0]
              : t(lang, "filesChosen", { count: names.length })}
          {hint ? ` — ${hint}` : ""}
        </Text>
      </div>
    </div>
  );
}
