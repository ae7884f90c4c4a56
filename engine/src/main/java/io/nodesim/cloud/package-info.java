/**
 * The cloud provider side: which machines' instances still exist, and the cloud-controller-manager's
 * node lifecycle controller that deletes the Node object of an instance that is gone.
 */
package io.nodesim.cloud;
