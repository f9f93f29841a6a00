package io.selfeval.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code serve}: the web service comes with a later release; the options are accepted so scripts fail clearly. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "网页服务（尚未提供）。")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "监听端口")
    Integer port;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        throw CliException.usage("serve（网页服务）尚未实现，将在后续版本提供；目前请使用 check 命令。");
    }
}
