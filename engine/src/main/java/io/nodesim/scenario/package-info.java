/**
 * Scenarios: the immutable, validated configuration of one simulated experiment (records), its
 * loading from YAML files, the per-version default profiles and the origin of every effective
 * setting. Everything else in the engine reads a {@link io.nodesim.scenario.Scenario}; nothing
 * else reads files.
 */
package io.nodesim.scenario;
