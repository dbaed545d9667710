import { Button } from "@fluentui/react-components";
import { useRef } from "react";
import { usePageStyles } from "./page-styles";

/** A localised button in front of the browser's file input (whose own "Choose File" is in the browser's language). */
export function FilePicker({
  label,
  onFiles,
  kind,
  accept,
  primary,
  multiple,
  disabled,
}: {
  label: string;
  onFiles: (files: File[]) => void;
  /** "folder" picks a whole folder; the others name the input for tests (data-picker). */
  kind: "files" | "folder" | "rubric-json" | "rubric-template";
  accept?: string;
  primary?: boolean;
  multiple?: boolean;
  disabled: boolean;
}) {
  const styles = usePageStyles();
  const input = useRef<HTMLInputElement>(null);
  // Chromium, Firefox and Safari all read folders through this non-standard attribute.
  const folderProps = kind === "folder" ? { webkitdirectory: "", directory: "" } : {};
  return (
    <>
      <Button
        appearance={primary ? "primary" : "secondary"}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple={multiple}
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        data-picker={kind}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Cleared, so picking the same file again (after fixing it) is seen as a new pick.
          e.target.value = "";
          onFiles(files);
        }}
        {...folderProps}
      />
    </>
  );
}
