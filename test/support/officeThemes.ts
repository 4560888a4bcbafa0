/**
 * Office themes for browser tests, as Office.context.officeTheme reports them, and the fake-host `setup` that
 * installs one. Colorful and Dark Gray are Office 2016's values (listed in OfficeDev/office-ui-fabric-core
 * issue 732); "black" is a near-black palette of the same shape.
 */
export interface OfficeThemeColours {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export const OFFICE_THEMES: Readonly<Record<"colorful" | "darkGray" | "black", OfficeThemeColours>> = {
  colorful: {
    bodyBackgroundColor: "#E6E6E6",
    bodyForegroundColor: "#444444",
    controlBackgroundColor: "#FDFDFD",
    controlForegroundColor: "#444444",
  },
  darkGray: {
    bodyBackgroundColor: "#6A6A6A",
    bodyForegroundColor: "#F0F0F0",
    controlBackgroundColor: "#D4D4D4",
    controlForegroundColor: "#262626",
  },
  black: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#3B3B3B",
    controlForegroundColor: "#FFFFFF",
  },
};

/** A fake-host `setup` (OpenOptions.setup) that gives Office.context this theme. */
export function officeThemeSetup(theme: OfficeThemeColours): string {
  return `host.Office.context.officeTheme = ${JSON.stringify(theme)};`;
}

/** "#6A6A6A" → "rgb(106, 106, 106)", as getComputedStyle writes it. */
export function cssRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}
