import { FluentProvider } from "@fluentui/react-components";
import { type ReactNode, useEffect, useState } from "react";
import { paneTheme } from "../taskpane/theme";

/**
 * The pane's theme rule outside Office: the system's colour scheme (dark), forced colours (high
 * contrast), else light — followed live, with the page behind it painted the same colour.
 */
export function Themed({ children }: { children: ReactNode }) {
  const [theme, setTheme] = useState(paneTheme);
  useEffect(() => {
    if (typeof matchMedia !== "function") return;
    const queries = ["(prefers-color-scheme: dark)", "(forced-colors: active)"].map((q) => matchMedia(q));
    const update = () => setTheme(paneTheme());
    for (const q of queries) q.addEventListener?.("change", update);
    return () => {
      for (const q of queries) q.removeEventListener?.("change", update);
    };
  }, []);
  useEffect(() => {
    document.body.style.margin = "0";
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
  }, [theme]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}
