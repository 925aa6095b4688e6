package xuncha.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xuncha.Run;
import xuncha.facts.FactBase;
import xuncha.load.FactLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code xuncha gen}: realistic, deterministic, valid county by county, every rule firing. */
class GenCommandTest {
    @TempDir
    Path dir;

    @Test
    void tenCountiesEachAValidFactBaseOfARealCountysShapeAndTogetherEveryRuleFires() throws Exception {
        Path out = dir.resolve("province");
        Run gen = Run.xuncha("gen", "--counties", "10", "--out", out.toString());
        assertThat(gen.err()).isEmpty();
        assertThat(gen.status()).isZero();
        assertThat(gen.out()).startsWith(out + "：10 个县，事实共 ");
        for (int n = 1; n <= 10; n++) {
            FactBase county = new FactLoader(StandardCharsets.UTF_8).load(List.of(out.resolve(Generator.folder(n)).toString()));
            assertThat(county.units()).hasSizeBetween(200, 450);
            assertThat(county.people()).hasSizeBetween(1200, 3000);
            assertThat(county.units().stream().filter(u -> u.type().yaml().equals("township_party_committee")))
                    .hasSizeBetween(9, 15);
            assertThat(county.meetings()).hasSizeGreaterThan(100);
            assertThat(county.inspections()).hasSizeBetween(1, 2);
            assertThat(county.period().year()).isEqualTo(Generator.YEAR);
        }
        Run check = Run.xuncha("check", "--format", "json", "--fail-on", "never", out.toString());
        assertThat(check.err()).isEmpty();
        assertThat(check.status()).isZero();
        Set<String> fired = new TreeSet<>();
        new ObjectMapper().readTree(check.out()).get("findings").forEach(f -> fired.add(f.get("rule").asText()));
        Set<String> all = new TreeSet<>();
        for (JsonNode r : new ObjectMapper().readTree(Run.xuncha("rules", "--format", "json").out()).get("rules")) {
            all.add(r.get("id").asText());
        }
        assertThat(fired).isEqualTo(all);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndACountyIsTheSameWhateverTheCount() throws Exception {
        Generator a = new Generator(7, 0.05);
        assertThat(new Generator(7, 0.05).county(3)).isEqualTo(a.county(3));
        assertThat(new Generator(8, 0.05).county(3)).isNotEqualTo(a.county(3));
        Run.xuncha("gen", "--counties", "2", "--seed", "7", "--out", dir.resolve("two").toString());
        Run.xuncha("gen", "--counties", "3", "--seed", "7", "--out", dir.resolve("three").toString());
        for (String file : List.of("units.yaml", "people.yaml", "records.yaml")) {
            assertThat(Files.readString(dir.resolve("two/c002/" + file)))
                    .isEqualTo(Files.readString(dir.resolve("three/c002/" + file)))
                    .isEqualTo(a.county(2).get(file));
        }
    }

    @Test
    void aFolderWithFilesInItIsNotOverwritten() throws Exception {
        Files.writeString(dir.resolve("keep.yaml"), "year: 2022\n");
        Run run = Run.xuncha("gen", "--lang", "en", "--counties", "1", "--out", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("xuncha gen: " + dir + " exists and is not an empty folder: gen writes a whole"
                + " fact base, give a new folder\n");
        assertThat(Files.readString(dir.resolve("keep.yaml"))).isEqualTo("year: 2022\n");
    }

    @Test
    void badCountsAreRefused() {
        Run run = Run.xuncha("gen", "--lang", "en", "--counties", "0", "--out", dir.resolve("x").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("xuncha gen: --counties must be from 1 to 9999, not 0\n");
        assertThat(Run.xuncha("gen", "--lang", "en", "--counties", "2", "--problem-rate", "1.5", "--out", dir.resolve("y").toString())
                .status()).isEqualTo(2);
    }
}
