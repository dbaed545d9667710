import { type Theme, teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";

/**
 * Office's theme where Office gives one; Excel on the web leaves `officeTheme` undefined, so the
 * system's colour scheme (and forced colours for high contrast) decide there.
 */
export function paneTheme(): Theme {
  if (typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches)
    return teamsHighContrastTheme;
  const background = globalThis.Office?.context?.officeTheme?.bodyBackgroundColor;
  if (background) return isDark(background) ? webDarkTheme : webLightTheme;
  if (typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches)
    return webDarkTheme;
  return webLightTheme;
}

function isDark(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => Number.parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/**
 * The theme, followed live while the page is open (the system's colour scheme and forced colours can
 * change under it), with the page around the provider painted the same colour so no white frame shows
 * round a dark pane. One rule for the pane and the standalone checker.
 */
export function useFollowedTheme(): Theme {
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
  return theme;
}
