/** CSS files are bundled as text (webpack asset/source) and injected by the task pane. */
declare module "*.css" {
  const text: string;
  export default text;
}
