package soakmonitor;

import com.sun.tools.attach.VirtualMachine;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * A service JVM reached through its local JMX agent (started over the Attach API), for its heap and a
 * forced full GC: the services need no JMX port or option for that.
 */
final class ServiceJvm {

    final long pid;
    private final JMXConnector connector;
    private final MemoryMXBean memory;

    ServiceJvm(long pid) throws Exception {
        this.pid = pid;
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection connection = connector.getMBeanServerConnection();
        memory = JMX.newMXBeanProxy(connection, new ObjectName(ManagementFactory.MEMORY_MXBEAN_NAME),
                MemoryMXBean.class);
    }

    /** Heap used now, without a GC: {heap, NaN}; {NaN, NaN} without a JVM (sampling without --gc). */
    static double[] heapOnly(ServiceJvm jvm) {
        return new double[] {jvm == null ? Double.NaN : jvm.memory.getHeapMemoryUsage().getUsed(), Double.NaN};
    }

    /** Forced full GC; returns {heap before, milliseconds}. */
    double[] forceGc() {
        long before = memory.getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        memory.gc();
        return new double[] {before, (System.nanoTime() - t0) / 1e6};
    }

    void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // the service may be gone
        }
    }
}
