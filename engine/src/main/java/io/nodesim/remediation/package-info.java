/** What acts on a node that stays NotReady from outside Kubernetes' controllers: an operator, an automation. */
package io.nodesim.remediation;
