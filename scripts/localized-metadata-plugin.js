/**
 * webpack plugin: after custom-functions-metadata-plugin has generated functions.json, emits
 * functions.<locale>.json for each locale from the translation tables (scripts/localize-metadata.js).
 * A missing translation fails the build.
 */
const { sources, WebpackError, Compilation } = require("webpack");
const { readMetaTables, localizeMetadata } = require("./localize-metadata");
const { tidyDescriptions } = require("./function-metadata");

class LocalizedMetadataPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.source);
          if (!asset) return; // the metadata plugin already reported why
          try {
            const metadata = tidyDescriptions(JSON.parse(asset.source.source().toString()));
            // JSDoc descriptions wrap over several lines; Excel shows them as one paragraph.
            compilation.updateAsset(this.options.source, new sources.RawSource(JSON.stringify(metadata, null, 2)));
            const table = readMetaTables(this.options.metaDir);
            for (const locale of this.options.locales) {
              const localized = localizeMetadata(metadata, table, locale);
              const name = this.options.source.replace(/\.json$/, `.${locale}.json`);
              compilation.emitAsset(name, new sources.RawSource(JSON.stringify(localized, null, 2)));
            }
          } catch (e) {
            compilation.errors.push(new WebpackError(`LocalizedMetadataPlugin: ${e.message}`));
          }
        },
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin };
