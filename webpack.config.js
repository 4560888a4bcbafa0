/**
 * Builds the add-in: the functions bundle (custom functions, metadata generated from JSDoc), the task pane
 * bundle and page, the manifest and the assets.
 *
 * Production base URL: the ONE place to set it is package.json `config.production_url` (or the environment
 * variable CRM_PRODUCTION_URL, which wins). `npm run build` rewrites every https://localhost:3000/ URL of
 * manifest.xml to it.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/localized-metadata-plugin");
const { functionModules } = require("./scripts/function-metadata");
const pkg = require("./package.json");

const urlDev = "https://localhost:3000/";
const urlProd = normaliseBase(process.env.CRM_PRODUCTION_URL || pkg.config.production_url);

function normaliseBase(url) {
  if (!/^https:\/\//.test(url)) throw new Error(`production URL must start with https:// (got "${url}")`);
  return url.endsWith("/") ? url : url + "/";
}

/** The manifest with every development URL (and the dev origin in AppDomains) moved to the production base. */
function productionManifest(xml) {
  return xml.split(urlDev).join(urlProd).split(urlDev.slice(0, -1)).join(new URL(urlProd).origin);
}

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`office-addin-dev-certs could not provide a trusted certificate (${e.message.split("\n")[0]});`);
    console.warn(
      "serving with a self-signed certificate instead: open https://localhost:3000/taskpane.html once and accept it.",
    );
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const modules = functionModules();
  const https = options.env && options.env.WEBPACK_SERVE ? await devServerHttps() : undefined;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: modules,
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: false, configFile: "tsconfig.build.json" } },
        },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: modules }),
      new LocalizedMetadataPlugin({
        source: "functions.json",
        locales: ["zh-CN"],
        metaDir: path.resolve(__dirname, "src/functions"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: { version: pkg.version },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : productionManifest(content.toString());
            },
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: pkg.config.dev_server_port,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "https" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
