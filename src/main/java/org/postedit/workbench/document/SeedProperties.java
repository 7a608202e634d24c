package org.postedit.workbench.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled       load the sample documents and glossary on first start
 * @param documentsDir  folder of sample documents (relative to the working directory)
 * @param glossaryDir   folder of the glossary loaded on first start
 */
@ConfigurationProperties("workbench.seed")
public record SeedProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("seeds") String documentsDir,
                             @DefaultValue("glossary") String glossaryDir) {
}
