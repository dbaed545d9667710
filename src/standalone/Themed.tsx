import { FluentProvider } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useFollowedTheme } from "../taskpane/theme";

/**
 * The pane's theme rule outside Office: the system's colour scheme (dark), forced colours (high
 * contrast), else light — followed live, with the page behind it painted the same colour.
 */
export function Themed({ children }: { children: ReactNode }) {
  const theme = useFollowedTheme();
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}
