package io.selfeval.cli;

import java.util.ListResourceBundle;

/** Chinese headings and standard option descriptions for picocli's help (keys as picocli defines them). */
public final class Messages extends ListResourceBundle {
    @Override
    protected Object[][] getContents() {
        return new Object[][]{
                {"usage.synopsisHeading", "用法："},
                {"usage.descriptionHeading", "%n"},
                {"usage.parameterListHeading", "%n参数：%n"},
                {"usage.optionListHeading", "%n选项：%n"},
                {"usage.commandListHeading", "%n命令：%n"},
                {"mixinStandardHelpOptions.help", "显示帮助并退出"},
                {"mixinStandardHelpOptions.version", "显示版本并退出"},
        };
    }
}
