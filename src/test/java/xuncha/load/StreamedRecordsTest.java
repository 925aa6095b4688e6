package xuncha.load;

import xuncha.problems.Diagnostics;
import xuncha.yaml.YamlReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The records of a facts file are handed over one at a time and not kept: memory follows one record. */
class StreamedRecordsTest {
    @TempDir
    Path dir;

    @Test
    void itemsOfStreamedListsReachTheReaderAndLeaveTheTree() throws Exception {
        StringBuilder yaml = new StringBuilder("year: 2022\nmeetings:\n");
        for (int i = 0; i < 1000; i++) {
            yaml.append("  - {id: m").append(i).append(", unit: c}\n");
        }
        yaml.append("units: [{id: c}]\n");
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, yaml);
        List<String> seen = new ArrayList<>();
        Diagnostics problems = new Diagnostics();
        Node root = new YamlReader(StandardCharsets.UTF_8).read(file, "f.yaml", problems, Set.of("meetings", "units"),
                (key, item) -> seen.add(key)).orElseThrow();
        assertThat(problems.any()).isFalse();
        assertThat(seen).hasSize(1001).startsWith("meetings").endsWith("units");
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!key.equals("year")) {
                assertThat(((SequenceNode) t.getValueNode()).getValue()).as(key).isEmpty();
            }
        }
    }

    @Test
    void aLongSingleLineIsReadWhole() throws Exception {
        StringBuilder yaml = new StringBuilder("year: 2022\nas_of: 2022-10-24\nunits: [{id: c, name: c, type:"
                + " county_party_committee}]\nmeetings: [");
        for (int i = 0; i < 20_000; i++) {
            yaml.append(i == 0 ? "" : ", ").append("{id: m").append(i)
                    .append(", unit: c, kind: standing_committee, date: 2022-03-01}");
        }
        Path file = dir.resolve("line.yaml");
        Files.writeString(file, yaml.append("]\n"));
        assertThat(new FactLoader(StandardCharsets.UTF_8).load(List.of(file.toString())).meetings()).hasSize(20_000);
    }
}
