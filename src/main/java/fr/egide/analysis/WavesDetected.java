package fr.egide.analysis;

import java.util.List;
import java.util.UUID;

/**
 * The waves of one cabinet that appeared or grew at one refresh, in one event (one publication in the event registry
 * per refresh rather than one per wave). Listeners handle each wave as a single {@link WaveDetected}.
 */
public record WavesDetected(UUID cabinetId, List<WaveDetected> waves) {

    public WavesDetected {
        waves = List.copyOf(waves);
    }

}
