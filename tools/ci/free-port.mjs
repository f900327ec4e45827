// Prints a free TCP port on 127.0.0.1 (the OS picks it; we release it at once).
import net from 'node:net';

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  server.close(() => console.log(port));
});
