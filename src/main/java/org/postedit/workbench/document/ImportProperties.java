package org.postedit.workbench.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxFileSize uploads above this are refused by the server itself, whatever the browser says */
@ConfigurationProperties("workbench.import")
public record ImportProperties(@DefaultValue("50MB") DataSize maxFileSize) {
}
