package xuncha.load;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xuncha.Run;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever shape a file has, the answer is located errors and exit 2, never an exception. */
class OddShapesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "- just\n- a list\n",
            "plain text\n",
            "year: 2022\nas_of: 2022-10-24\nunits: {id: u}\n",
            "year: 2022\nas_of: 2022-10-24\nunits: [plain]\n",
            "year: 2022\nas_of: 2022-10-24\nunits: [{id: c, name: 县委, type: county_party_committee}]\npeople: [{id: p, name: 甲, roles: yes}]\n",
            "year: 2022\nas_of: 2022-10-24\nunits: [{id: c, name: [县委], type: {x: 1}}]\n",
            "year: 2022\nas_of: 2022-10-24\nunits: [{? [a, b] : c}]\n",
            "year: 2022\nas_of: 2022-10-24\nunits:\n  - id:\n    name:\n    type:\n",
            "year: 2022\nas_of: 2022-10-24\nevaluations: [{id: e, person: p, unit: u, year: 2022, weights: [1, 2], scores: 3, total: x}]\n",
            "year: 2022\nas_of: 2022-10-24\ninspections: [{id: i, unit: c, name: n, start: 2022-01-01, end: 2022-01-02, targets: c, problems: [1]}]\n",
            "year: 2022\nas_of: 2022-10-24\n---\nyear: 2022\n",
            "year: 2022\nas_of: 2022-10-24\nversion: 2\n",
            "year: 99999999999999999999\nas_of: 2022-10-24\n",
            "year: 2022\nas_of: 2021-10-24\n",
            "year: 2022\nas_of: 2022-10-24\nunits: [{id: c, name: 县委, type: county_party_committee, parent: c}]\n",
            "year: 2022\nas_of: 2022-10-24\nunits: [{<<: {id: c}, name: 县委, type: county_party_committee}]\n",
            "year: .nan\nas_of: 2022-10-24\n",
            "\t- tab\n",
    })
    void oddShapeGivesLocatedErrorsAndExitTwo(String yaml) throws Exception {
        Path file = dir.resolve("odd.yaml");
        Files.writeString(file, yaml);
        Run run = Run.xuncha("check", file.toString());
        assertThat(run.status()).as(yaml).isEqualTo(2);
        assertThat(run.err()).as(yaml).contains(file + ":").contains(": error: ")
                .doesNotContain("Exception").doesNotContain("internal error");
    }
}
